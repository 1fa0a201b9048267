package org.elasticsearch.node;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.elasticsearch.cluster.service.ClusterService;
import org.elasticsearch.env.Environment;
import org.elasticsearch.http.HttpServerTransport;
import org.elasticsearch.plugins.ClasspathPluginsService;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.plugins.PluginsLoader;
import org.elasticsearch.plugins.PluginsService;

/**
 * An Elasticsearch node whose plugins are plain classes on the class path.
 *
 * <p>A distribution loads plugins from bundles in {@code modules/} and {@code plugins/}; we have
 * only Maven Central jars. The node construction hook that accepts our own plugins service is
 * package-private, hence this package.
 */
public final class VigieNode extends Node {

    /** The node and cluster ids for log lines are JVM-wide and may be set only once. */
    private static final AtomicBoolean LOG_IDS_LISTENER_REGISTERED = new AtomicBoolean();

    public VigieNode(Environment environment, Collection<Class<? extends Plugin>> plugins) {
        super(NodeConstruction.prepareConstruction(environment, null, new ClasspathServiceProvider(plugins), true));
    }

    /** The HTTP port actually bound, which differs from the setting when that is 0. */
    public int httpPort() {
        return injector().getInstance(HttpServerTransport.class).boundAddress().publishAddress().getPort();
    }

    /**
     * Only the first node of a JVM stamps its ids on log lines: a node restarted in the same JVM
     * (tests do) would otherwise fail to set them a second time.
     */
    @Override
    protected void configureNodeAndClusterIdStateListener(ClusterService clusterService) {
        if (LOG_IDS_LISTENER_REGISTERED.compareAndSet(false, true)) {
            super.configureNodeAndClusterIdStateListener(clusterService);
        }
    }

    /** Swaps only the plugins service; every other service is the stock one. */
    private static final class ClasspathServiceProvider extends NodeServiceProvider {
        private final List<Class<? extends Plugin>> plugins;

        ClasspathServiceProvider(Collection<Class<? extends Plugin>> plugins) {
            this.plugins = List.copyOf(plugins);
        }

        @Override
        PluginsService newPluginService(Environment environment, PluginsLoader ignored) {
            return new ClasspathPluginsService(environment.settings(), environment.configDir(), plugins);
        }
    }
}
