package io.vigie.stack;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceSourceTests {

    @Test
    void embeddedServicesAreTheDefault() {
        assertThat(ServiceSource.parse(null)).isEqualTo(ServiceSource.EMBEDDED);
        assertThat(ServiceSource.parse(" ")).isEqualTo(ServiceSource.EMBEDDED);
    }

    @Test
    void containersAreChosenByName() {
        assertThat(ServiceSource.parse("containers")).isEqualTo(ServiceSource.CONTAINERS);
        assertThat(ServiceSource.CONTAINERS.services(StackSettings.forProfile("test", false)))
                .extracting(StackService::name)
                .containsExactly("PostgreSQL (container)", "Elasticsearch (container)", "Keycloak (container)");
    }

    @Test
    void anUnknownSourceIsAClearError() {
        assertThatThrownBy(() -> ServiceSource.parse("cloud"))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("cloud").hasMessageContaining("embedded or containers");
    }
}
