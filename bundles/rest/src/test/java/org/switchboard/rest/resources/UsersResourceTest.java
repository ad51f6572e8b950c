package org.switchboard.rest.resources;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.ws.rs.core.SecurityContext;
import org.junit.Before;
import org.junit.Test;
import org.switchboard.api.audit.AuditEntry;
import org.switchboard.api.audit.AuditLog;
import org.switchboard.api.rest.ProblemException;
import org.switchboard.api.security.AuthenticatedUser;
import org.switchboard.api.security.Role;
import org.switchboard.api.security.Session;
import org.switchboard.api.security.SessionRegistry;
import org.switchboard.api.security.UserAccount;
import org.switchboard.api.security.UserAdminService;
import org.switchboard.api.security.UserConflictException;

public class UsersResourceTest {

    private final UsersResource resource = new UsersResource();
    private final Map<String, UserAccount> accounts = new TreeMap<>();
    private final Map<String, String> passwords = new TreeMap<>();
    private final List<String> audited = new ArrayList<>();
    private final List<String> closed = new ArrayList<>();
    private final SecurityContext admin = caller("root");

    @Before
    public void wire() {
        accounts.put("root", new UserAccount("root", Set.of(Role.ADMIN)));
        resource.users = new UserAdminService() {
            public List<UserAccount> users() {
                return List.copyOf(accounts.values());
            }

            public Optional<UserAccount> user(String name) {
                return Optional.ofNullable(accounts.get(name));
            }

            public boolean save(String name, String password, Set<Role> roles) {
                boolean created = !accounts.containsKey(name);
                if ("root".equals(name) && roles != null && !roles.contains(Role.ADMIN)) {
                    throw new UserConflictException("last admin");
                }
                if (password != null) {
                    passwords.put(name, password);
                }
                accounts.put(name, new UserAccount(name, roles != null ? roles : accounts.get(name).roles()));
                return created;
            }

            public boolean delete(String name) {
                if ("root".equals(name)) {
                    throw new UserConflictException("last admin");
                }
                return accounts.remove(name) != null;
            }
        };
        resource.sessions = new SessionRegistry() {
            public Session open(AuthenticatedUser user) {
                throw new UnsupportedOperationException();
            }

            public Optional<Session> resolve(String token) {
                return Optional.empty();
            }

            public void close(String token) {
            }

            public void closeAll(String user) {
                closed.add(user);
            }
        };
        resource.audit = new AuditLog() {
            public void record(String actor, String action, String target, String detail) {
                audited.add(actor + " " + action + " " + target + " " + detail);
            }

            public List<AuditEntry> recent(int limit) {
                return List.of();
            }
        };
    }

    @Test
    public void aNewUserIsCreatedWithItsRolesAndAuditedWithoutThePassword() {
        UsersResource.Saved saved = resource.save("anna", body("anna-secret-1", "supervisor", "agent"), admin);

        assertTrue(saved.created());
        assertEquals(new UsersResource.UserView("anna", List.of("agent", "supervisor")), saved.user());
        assertEquals("anna-secret-1", passwords.get("anna"));
        assertEquals(List.of("root user.create anna roles agent, supervisor"), audited);
        assertFalse(audited.get(0).contains("secret"));
        assertTrue("a new user has no sessions to end", closed.isEmpty());
    }

    @Test
    public void changingRolesKeepsThePasswordAndEndsTheUsersSessions() {
        resource.save("boris", body("boris-secret", "agent"), admin);

        UsersResource.Saved saved = resource.save("boris", new UsersResource.UserBody(null, List.of("supervisor")),
                admin);

        assertFalse(saved.created());
        assertEquals(Set.of(Role.SUPERVISOR), accounts.get("boris").roles());
        assertEquals("boris-secret", passwords.get("boris"));
        assertEquals(List.of("boris"), closed);
        assertEquals("root user.change boris roles supervisor", audited.get(1));
    }

    @Test
    public void aNewPasswordAloneKeepsTheRoles() {
        resource.save("carl", body("carl-secret", "agent"), admin);

        resource.save("carl", new UsersResource.UserBody("carl-other", null), admin);

        assertEquals(Set.of(Role.AGENT), accounts.get("carl").roles());
        assertEquals("root user.change carl password changed", audited.get(1));
    }

    @Test
    public void thePasswordPolicyAndTheRolesNameTheirField() {
        assertField("password", () -> resource.save("dana", body("short", "agent"), admin));
        assertField("password", () -> resource.save("dana", body("has,comma", "agent"), admin));
        assertField("password", () -> resource.save("dana", new UsersResource.UserBody(null, List.of("agent")), admin));
        assertField("roles", () -> resource.save("dana", body("dana-secret", "janitor"), admin));
        assertField("roles", () -> resource.save("dana", new UsersResource.UserBody("dana-secret", null), admin));
        assertField("roles", () -> resource.save("dana", body("dana-secret"), admin));
        assertField("name", () -> resource.save("da na", body("dana-secret", "agent"), admin));
        assertTrue(accounts.keySet().equals(Set.of("root")));
        assertTrue(audited.isEmpty());
    }

    @Test
    public void nobodyRemovesThemselvesNorTheLastAdministrator() {
        assertEquals(409, assertThrows(ProblemException.class, () -> resource.delete("root", admin)).status());
        assertEquals(409, assertThrows(ProblemException.class, () -> resource.delete("root", caller("other")))
                .status());
        assertEquals(409, assertThrows(ProblemException.class,
                () -> resource.save("root", new UsersResource.UserBody(null, List.of("agent")), admin)).status());
        assertEquals(404, assertThrows(ProblemException.class, () -> resource.delete("nobody", admin)).status());
    }

    @Test
    public void aRemovedUsersSessionsEnd() {
        resource.save("emil", body("emil-secret", "agent"), admin);

        resource.delete("emil", admin);

        assertFalse(accounts.containsKey("emil"));
        assertEquals(List.of("emil"), closed);
        assertEquals("root user.delete emil null", audited.get(1));
    }

    private static UsersResource.UserBody body(String password, String... roles) {
        return new UsersResource.UserBody(password, List.of(roles));
    }

    private static void assertField(String field, org.junit.function.ThrowingRunnable call) {
        ProblemException problem = assertThrows(ProblemException.class, call);
        assertEquals(400, problem.status());
        assertEquals(field, problem.field());
    }

    private static SecurityContext caller(String name) {
        return new SecurityContext() {
            public Principal getUserPrincipal() {
                return () -> name;
            }

            public boolean isUserInRole(String role) {
                return true;
            }

            public boolean isSecure() {
                return false;
            }

            public String getAuthenticationScheme() {
                return BASIC_AUTH;
            }
        };
    }
}
