package org.switchboard.security.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.karaf.jaas.boot.principal.GroupPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class AdminBootstrapTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    /** Users with their passwords, and the groups each was added to; everything else is unsupported. */
    static final class InMemoryUsers implements BackingEngine {

        final Map<String, String> passwords = new LinkedHashMap<>();
        final Map<String, List<String>> groups = new LinkedHashMap<>();
        int changes;

        InMemoryUsers with(String user, String password) {
            passwords.put(user, password);
            return this;
        }

        @Override
        public List<UserPrincipal> listUsers() {
            List<UserPrincipal> users = new ArrayList<>();
            passwords.keySet().forEach(name -> users.add(new UserPrincipal(name)));
            return users;
        }

        @Override
        public void addUser(String username, String password) {
            changes++;
            passwords.put(username, password);
        }

        @Override
        public void addGroup(String username, String group) {
            changes++;
            groups.computeIfAbsent(username, name -> new ArrayList<>()).add(group);
        }

        @Override
        public void deleteUser(String username) {
            throw new UnsupportedOperationException();
        }

        @Override
        public UserPrincipal lookupUser(String username) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<GroupPrincipal> listGroups(UserPrincipal user) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<GroupPrincipal, String> listGroups() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void createGroup(String group) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void deleteGroup(String username, String group) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<RolePrincipal> listRoles(Principal principal) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void addRole(String username, String role) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void deleteRole(String username, String role) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void addGroupRole(String group, String role) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void deleteGroupRole(String group, String role) {
            throw new UnsupportedOperationException();
        }
    }

    private Path passwordPath() {
        return folder.getRoot().toPath().resolve("data").resolve(AdminBootstrap.PASSWORD_FILE);
    }

    @Test
    public void withoutAdminWritesPasswordFile() throws Exception {
        AdminBootstrap.ensureAdmin(new InMemoryUsers(), new PasswordFile(passwordPath()));

        assertTrue(Files.exists(passwordPath()));
    }

    @Test
    public void withoutAdminAddsAdminWithPasswordOfFile() throws Exception {
        InMemoryUsers users = new InMemoryUsers().with("alice", "alice-password");

        AdminBootstrap.ensureAdmin(users, new PasswordFile(passwordPath()));

        assertEquals(Files.readString(passwordPath()).trim(), users.passwords.get("admin"));
        assertEquals("alice-password", users.passwords.get("alice"));
    }

    @Test
    public void withoutAdminPutsAdminInAdminGroup() throws Exception {
        InMemoryUsers users = new InMemoryUsers();

        AdminBootstrap.ensureAdmin(users, new PasswordFile(passwordPath()));

        assertEquals(Map.of("admin", List.of("admingroup")), users.groups);
    }

    @Test
    public void existingAdminIsLeftAlone() throws Exception {
        InMemoryUsers users = new InMemoryUsers().with("admin", "chosen-by-operator");

        AdminBootstrap.ensureAdmin(users, new PasswordFile(passwordPath()));

        assertEquals(0, users.changes);
        assertEquals("chosen-by-operator", users.passwords.get("admin"));
    }

    @Test
    public void existingAdminKeepsExistingPasswordFile() throws Exception {
        Files.createDirectories(passwordPath().getParent());
        Files.writeString(passwordPath(), "earlier-password\n");

        AdminBootstrap.ensureAdmin(new InMemoryUsers().with("admin", "earlier-password"),
                new PasswordFile(passwordPath()));

        assertEquals("earlier-password\n", Files.readString(passwordPath()));
    }

    @Test
    public void existingAdminWithoutPasswordFileWritesNone() throws Exception {
        AdminBootstrap.ensureAdmin(new InMemoryUsers().with("admin", "x"), new PasswordFile(passwordPath()));

        assertFalse(Files.exists(passwordPath()));
    }
}
