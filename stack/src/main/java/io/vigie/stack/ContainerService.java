package io.vigie.stack;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * One of the real services from its official image, through Testcontainers, for machines with a
 * Docker engine. Each container is bound to the same host port as the embedded service it replaces,
 * so the API, the UI and the tests need no other change: same URLs, same issuer.
 */
final class ContainerService implements StackService {

    private final String name;
    private final GenericContainer<?> container;
    private final int port;
    private final String portVariable;
    private final BooleanSupplier healthy;

    private ContainerService(String name, GenericContainer<?> container, int port, String portVariable, BooleanSupplier healthy) {
        this.name = name;
        this.container = container;
        this.port = port;
        this.portVariable = portVariable;
        this.healthy = healthy;
    }

    static List<StackService> all(StackSettings settings) {
        return List.of(postgres(settings), elasticsearch(settings), keycloak(settings));
    }

    private static ContainerService postgres(StackSettings settings) {
        int port = settings.ports().postgres();
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse("postgres:17"))
                .withEnv("POSTGRES_DB", StackSettings.DB_NAME)
                .withEnv("POSTGRES_USER", StackSettings.DB_USER)
                .withEnv("POSTGRES_PASSWORD", StackSettings.DB_PASSWORD)
                .withExposedPorts(5432)
                // The entrypoint starts the server twice (init, then for real): wait for the second.
                .waitingFor(Wait.forLogMessage(".*database system is ready to accept connections.*", 2)
                        .withStartupTimeout(Duration.ofMinutes(2)));
        container.setPortBindings(List.of(port + ":5432"));
        return new ContainerService("PostgreSQL (container)", container, port, "postgres", () -> PostgresService.answers(settings));
    }

    private static ContainerService elasticsearch(StackSettings settings) {
        int port = settings.ports().elasticsearch();
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse("elasticsearch:9.5.3"))
                .withEnv("discovery.type", "single-node")
                .withEnv("xpack.security.enabled", "false")
                .withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m")
                .withExposedPorts(9200)
                .waitingFor(Wait.forHttp("/_cluster/health?wait_for_status=yellow").forPort(9200)
                        .withStartupTimeout(Duration.ofMinutes(3)));
        container.setPortBindings(List.of(port + ":9200"));
        String health = settings.elasticsearchUrl() + "/_cluster/health";
        return new ContainerService("Elasticsearch (container)", container, port, "es", () -> Probe.httpOk(health));
    }

    private static ContainerService keycloak(StackSettings settings) {
        int port = settings.ports().keycloak();
        int management = settings.ports().keycloakManagement();
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse("keycloak/keycloak:" + StackSettings.KEYCLOAK_VERSION))
                .withCommand("start-dev", "--import-realm", "--health-enabled=true")
                .withEnv("KC_BOOTSTRAP_ADMIN_USERNAME", StackSettings.KEYCLOAK_ADMIN_USER)
                .withEnv("KC_BOOTSTRAP_ADMIN_PASSWORD", StackSettings.KEYCLOAK_ADMIN_PASSWORD)
                .withEnv("VIGIE_UI_URL", settings.uiUrl())
                .withCopyFileToContainer(
                        MountableFile.forHostPath(settings.home().resolve("keycloak-realm/vigie-realm.json")),
                        "/opt/keycloak/data/import/vigie-realm.json")
                .withExposedPorts(8080, 9000)
                .waitingFor(Wait.forHttp("/health/ready").forPort(9000).withStartupTimeout(Duration.ofMinutes(4)));
        container.setPortBindings(List.of(port + ":8080", management + ":9000"));
        String realm = settings.issuerUri() + "/.well-known/openid-configuration";
        return new ContainerService("Keycloak (container)", container, port, "keycloak", () -> Probe.httpOk(realm));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start(boolean adoptRunning) {
        if (Probe.portInUse(port)) {
            if (adoptRunning && healthy.getAsBoolean()) {
                return;
            }
            throw Processes.portBusy(port, name, portVariable);
        }
        container.start();
    }

    @Override
    public void stop() {
        container.stop();
    }

    @Override
    public long residentKib() {
        return 0; // the container's memory belongs to the Docker engine, not to a child of ours
    }
}
