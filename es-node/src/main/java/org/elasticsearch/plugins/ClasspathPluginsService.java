package org.elasticsearch.plugins;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.elasticsearch.Build;
import org.elasticsearch.action.admin.cluster.node.info.PluginsAndModules;
import org.elasticsearch.common.settings.Settings;

/**
 * A plugins service that instantiates plugin classes found on the application class path,
 * instead of scanning {@code plugins/} and {@code modules/} folders for bundles.
 *
 * <p>It lives in this package because {@link PluginsService.LoadedPlugin} can only be built
 * and the bare {@link PluginsLoader} constructor are only reachable from here. The parent is given an empty loader, so it loads nothing itself; every query
 * goes through {@link #plugins()}, which we override.
 */
public class ClasspathPluginsService extends PluginsService {

    private final List<LoadedPlugin> plugins;
    private final PluginsAndModules info;

    public ClasspathPluginsService(Settings settings, Path configDir, Collection<Class<? extends Plugin>> pluginClasses) {
        // The public factory assumes a modular server; a loader with no bundles is all we need.
        super(settings, configDir, new PluginsLoader(Set.of(), Set.of(), Map.of()));
        this.plugins = pluginClasses.stream().map(type -> load(type, settings, configDir)).toList();
        this.info = new PluginsAndModules(
                plugins.stream().map(plugin -> new PluginRuntimeInfo(plugin.descriptor())).toList(), List.of());
    }

    @Override
    protected List<LoadedPlugin> plugins() {
        return plugins;
    }

    @Override
    public PluginsAndModules info() {
        return info;
    }

    private static LoadedPlugin load(Class<? extends Plugin> type, Settings settings, Path configDir) {
        Plugin instance = instantiate(type, settings, configDir);
        return new LoadedPlugin(describe(type), instance, type.getClassLoader());
    }

    /** Plugins may take (Settings, Path), (Settings) or nothing, like bundled plugins do. */
    private static Plugin instantiate(Class<? extends Plugin> type, Settings settings, Path configDir) {
        try {
            for (Constructor<?> constructor : type.getConstructors()) {
                Class<?>[] parameters = constructor.getParameterTypes();
                if (parameters.length == 2 && parameters[0] == Settings.class && parameters[1] == Path.class) {
                    return type.cast(constructor.newInstance(settings, configDir));
                }
                if (parameters.length == 1 && parameters[0] == Settings.class) {
                    return type.cast(constructor.newInstance(settings));
                }
            }
            return type.getConstructor().newInstance();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("plugin " + type.getName() + " failed to start", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("plugin " + type.getName() + " has no usable public constructor", e);
        }
    }

    private static PluginDescriptor describe(Class<? extends Plugin> type) {
        String version = Build.current().version();
        return new PluginDescriptor(
                type.getSimpleName(),
                "loaded from the class path: " + type.getName(),
                version,
                version,
                Integer.toString(Runtime.version().feature()),
                type.getName(),
                null,
                List.of(),
                false,
                false,
                false,
                false,
                PluginDescriptor.DeploymentTarget.ALL);
    }
}
