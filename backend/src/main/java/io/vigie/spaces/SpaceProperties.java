package io.vigie.spaces;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * Spaces created at the first start.
 *
 * @param departments the departments that get their space before anyone signs in (others get
 *                    theirs when their first member signs in)
 * @param companySpace the name of the company-wide open space for announcements
 */
@ConfigurationProperties("vigie.spaces")
public record SpaceProperties(
        @DefaultValue({"Marketing", "Sales", "R&D", "HR", "IT", "Finance"}) List<String> departments,
        @DefaultValue("Company") String companySpace) {}
