package org.switchboard.security.internal;

import static org.hamcrest.CoreMatchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThat;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.felix.utils.properties.Properties;
import org.apache.karaf.jaas.modules.properties.PropertiesBackingEngineFactory;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.switchboard.api.security.Role;
import org.switchboard.api.security.UserAccount;
import org.switchboard.api.security.UserConflictException;

/** Users and roles on a real users.properties file through Karaf's own properties engine. */
public class RealmUsersTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private Path file;

    @Before
    public void shippedUsersFile() throws Exception {
        file = folder.getRoot().toPath().resolve("users.properties");
        Files.writeString(file, String.join("\n",
                "admin = secret-admin,_g_:admingroup",
                "_g_\\:admingroup = group,admin,manager,viewer,systembolt,ssh",
                "_g_\\:supervisorgroup = group,supervisor",
                "_g_\\:agentgroup = group,agent", ""));
    }

    @Test
    public void aNewUserGetsTheGroupsOfItsRoles() throws Exception {
        assertTrue(users().save("anna", "anna-secret", Set.of(Role.AGENT, Role.SUPERVISOR)));

        assertEquals(Set.of(Role.AGENT, Role.SUPERVISOR), users().account("anna").orElseThrow().roles());
        assertEquals(List.of("admin", "anna"), users().accounts().stream().map(UserAccount::name).toList());
        assertEquals("anna-secret,_g_:agentgroup,_g_:supervisorgroup", stored("anna"));
    }

    @Test
    public void changingRolesKeepsThePasswordAndTheGroupsStayDefined() throws Exception {
        users().save("boris", "boris-secret", Set.of(Role.AGENT));

        assertFalse(users().save("boris", null, Set.of(Role.SUPERVISOR)));

        assertEquals(Set.of(Role.SUPERVISOR), users().account("boris").orElseThrow().roles());
        assertEquals("boris-secret,_g_:supervisorgroup", stored("boris"));
        assertEquals("the group its last member left is still there for the next", "group,agent",
                stored("_g_:agentgroup"));
        users().save("carl", "carl-secret", Set.of(Role.AGENT));
        assertEquals(Set.of(Role.AGENT), users().account("carl").orElseThrow().roles());
    }

    @Test
    public void aNewPasswordKeepsTheRoles() throws Exception {
        users().save("dana", "dana-secret", Set.of(Role.AGENT));

        users().save("dana", "dana-other", null);

        assertEquals("dana-other,_g_:agentgroup", stored("dana"));
    }

    @Test
    public void aRoleGivenDirectlyGoesWhenNotAskedFor() throws Exception {
        Files.writeString(file, Files.readString(file) + "emil = emil-secret,supervisor\n");

        users().save("emil", null, Set.of(Role.AGENT));

        assertEquals(Set.of(Role.AGENT), users().account("emil").orElseThrow().roles());
    }

    @Test
    public void aNewUserNeedsAPassword() {
        assertThrows(IllegalArgumentException.class, () -> users().save("fay", null, Set.of(Role.AGENT)));
        assertTrue(users().account("fay").isEmpty());
    }

    @Test
    public void theLastAdministratorIsNeitherRemovedNorDemoted() throws Exception {
        UserConflictException removal = assertThrows(UserConflictException.class, () -> users().delete("admin"));
        assertThat(removal.getMessage(), containsString("last user with the role 'admin'"));
        assertThrows(UserConflictException.class, () -> users().save("admin", null, Set.of(Role.SUPERVISOR)));
        assertEquals(Set.of(Role.ADMIN), users().account("admin").orElseThrow().roles());

        users().save("gleb", "gleb-secret", Set.of(Role.ADMIN));
        assertTrue(users().delete("admin"));
        assertFalse(users().delete("admin"));
        assertEquals("the administrators' group stays with its last member", "group,admin,manager,viewer,systembolt,ssh",
                stored("_g_:admingroup"));
    }

    /** A fresh engine each time, as the service builds one per change. */
    private RealmUsers users() {
        return new RealmUsers(new PropertiesBackingEngineFactory().build(Map.of("users", file.toString())));
    }

    private String stored(String key) throws Exception {
        return new Properties(file.toFile()).get(key);
    }
}
