package io.vigie.esnode;

import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.elasticsearch.cluster.node.DiscoveryNodes;
import org.elasticsearch.cluster.service.ClusterService;
import org.elasticsearch.features.NodeFeature;
import org.elasticsearch.plugins.ActionPlugin;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.rest.RestHandler;

/**
 * Answers {@code GET /} and {@code HEAD /}, which the {@code rest-root} module serves in a
 * distribution. Central doesn't publish that module, and the official Java client's
 * {@code info()} and {@code ping()} call these.
 */
public final class RootEndpointPlugin extends Plugin implements ActionPlugin {

    /** Set while the node is built, before any request can arrive. */
    private volatile ClusterService clusterService;

    @Override
    public Collection<?> createComponents(PluginServices services) {
        this.clusterService = services.clusterService();
        return List.of();
    }

    @Override
    public Collection<RestHandler> getRestHandlers(
            RestHandlersServices services,
            Supplier<DiscoveryNodes> nodesInCluster,
            Predicate<NodeFeature> clusterSupportsFeature) {
        return List.of(new RestRootAction(() -> clusterService));
    }
}
