package io.vigie.esnode;

import java.nio.file.Path;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One node for every test class that asks for it, started on first use and closed when the
 * test run ends: a node takes seconds to start. Inject {@link EmbeddedNode} or {@link NodeHttp}.
 */
public final class SharedNode implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == EmbeddedNode.class || type == NodeHttp.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        EmbeddedNode node = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(SharedNode.class, key -> start(), EmbeddedNode.class);
        return parameter.getParameter().getType() == NodeHttp.class ? new NodeHttp(node.httpUri()) : node;
    }

    private static EmbeddedNode start() {
        Path dir = TestNodeDirs.create("shared");
        return EmbeddedNode.start(dir.resolve("home"), dir.resolve("data"), 0);
    }
}
