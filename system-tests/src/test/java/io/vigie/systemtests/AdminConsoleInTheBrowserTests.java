package io.vigie.systemtests;

import io.vigie.stack.TestStack;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The admin console in the browser, against the real Keycloak: an admin creates a person (the
 * temporary password is shown once), makes them a moderator, moves them to another department,
 * disables the account, and creates a department, then reads the settings in force; an employee
 * never sees the console.
 */
class AdminConsoleInTheBrowserTests extends BrowserTest {

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void anAdminCreatesAPersonGivesARoleMovesThemAndDisablesTheAccount() {
        String username = "ui.hire." + run;
        signIn("emma.dubois");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-admin")));
        browser.get(TestStack.settings().uiUrl() + "/admin/people");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("person-alice.martin")));
        Browser.awaitVaadinIdle(browser);

        clickCentered(browser.findElement(By.id("person-create")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#new-username input"))).sendKeys(username);
        browser.findElement(By.cssSelector("#new-first-name input")).sendKeys("Ula");
        browser.findElement(By.cssSelector("#new-last-name input")).sendKeys("Hire");
        browser.findElement(By.cssSelector("#new-email input")).sendKeys(username + "@vigie.example");
        browser.findElement(By.id("new-person-save")).click();
        WebElement password = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("temporary-password")));
        assertThat(password.getText()).hasSize(16);
        browser.findElement(By.id("temporary-password-done")).click();

        WebElement search = browser.findElement(By.cssSelector("#people-search input"));
        search.sendKeys(username);
        By row = By.id("person-" + username);
        wait.until(ExpectedConditions.visibilityOfElementLocated(row));
        Browser.awaitVaadinIdle(browser);
        clickCentered(browser.findElement(By.id("role-" + username + "-moderator")));
        ApiAs emma = ApiAs.person("emma.dubois");
        String id = await().atMost(Duration.ofSeconds(20)).until(() -> emma.get("/api/admin/people?q=" + username).get("people").get(0),
                person -> person.get("roles").toString().contains("moderator")).get("id").asString();

        // The department: the select opens its list; "Sales" moves them.
        Browser.awaitVaadinIdle(browser);
        clickCentered(browser.findElement(By.id("department-" + username)));
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//vaadin-select-item[normalize-space(.)='Sales']"))).click();
        await().atMost(Duration.ofSeconds(20)).until(() -> emma.get("/api/admin/people/" + id),
                person -> "Sales".equals(person.path("department").asString()));

        Browser.awaitVaadinIdle(browser);
        clickCentered(wait.until(ExpectedConditions.elementToBeClickable(By.id("toggle-" + username))));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#disable-reason input"))).sendKeys("Test account " + run);
        browser.findElement(By.id("disable-confirm")).click();
        wait.until(ExpectedConditions.attributeContains(row, "class", "disabled"));
        assertThat(emma.get("/api/admin/people/" + id).get("enabled").asBoolean()).isFalse();
        assertThat(emma.get("/api/admin/audit?q=" + username).toString()).contains("role.grant", "person.department", "person.disable",
                "Test account " + run);
    }

    @Test
    void anAdminCreatesADepartmentAndItsSpaceAppears() {
        String name = "Quality " + run;
        signIn("emma.dubois");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-admin")));
        browser.get(TestStack.settings().uiUrl() + "/admin/departments");
        WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#department-name input")));
        Browser.awaitVaadinIdle(browser);
        field.sendKeys(name);
        browser.findElement(By.id("department-create")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("departments"), name));
        JsonNode spaces = ApiAs.person("alice.martin").get("/api/spaces");
        assertThat(spaces.toString()).contains(name);

        // The settings page: the services' health and the settings in force.
        browser.get(TestStack.settings().uiUrl() + "/admin/settings");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("admin-settings"), "moderation.autoHideReports"));
        assertThat(browser.findElement(By.id("admin-status")).getText()).contains("database", "up");
    }

    @Test
    void anEmployeeSeesNoConsoleAndIsRefusedIfTheyGoThere() {
        signIn("alice.martin");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-trends")));
        assertThat(browser.findElements(By.id("nav-admin"))).isEmpty();
        browser.get(TestStack.settings().uiUrl() + "/admin/people");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("admin-error"), "administrators"));
        assertThat(browser.findElements(By.cssSelector(".admin-person"))).isEmpty();
    }
}
