package io.vigie.spaces;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/** Seeds, at the first start, one space per department and the company-wide open space. */
@Component
class DepartmentSpaces {

    private static final Logger log = LoggerFactory.getLogger(DepartmentSpaces.class);

    private final SpaceRepository spaces;
    private final SpaceProperties properties;

    DepartmentSpaces(SpaceRepository spaces, SpaceProperties properties) {
        this.spaces = spaces;
        this.properties = properties;
    }

    /** Same department, same id, on every machine: seeding twice is harmless. */
    static Space spaceFor(String department) {
        UUID id = UUID.nameUUIDFromBytes(("vigie-department:" + department).getBytes(StandardCharsets.UTF_8));
        return new Space(id, Slugs.of(department), department, "", SpaceKind.DEPARTMENT, department, null, null);
    }

    static Space companySpace(String name) {
        UUID id = UUID.nameUUIDFromBytes(("vigie-company:" + name).getBytes(StandardCharsets.UTF_8));
        return new Space(id, Slugs.of(name), name, "Announcements and news for everyone.", SpaceKind.OPEN, null, null, null);
    }

    /** At start-up; a sign-in that comes first creates its own department space (same id). */
    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    void seed() {
        Flux.fromIterable(properties.departments())
                .map(DepartmentSpaces::spaceFor)
                .concatWith(Flux.just(companySpace(properties.companySpace())))
                .concatMap(space -> spaces.insertIfAbsent(space, null))
                .then()
                .block(Duration.ofSeconds(30));
        log.info("spaces ready: {} departments and the company space", properties.departments().size());
    }
}
