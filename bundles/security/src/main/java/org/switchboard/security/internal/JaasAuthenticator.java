package org.switchboard.security.internal;

import java.security.Principal;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.security.AuthenticatedUser;
import org.switchboard.api.security.Authenticator;
import org.switchboard.api.security.Role;

/** Authenticates against the Karaf JAAS realm, the same users as the SSH console. */
@Component
public class JaasAuthenticator implements Authenticator {

    static final String REALM = "karaf";
    private static final Logger LOG = LoggerFactory.getLogger(JaasAuthenticator.class);

    @Override
    public Optional<AuthenticatedUser> authenticate(String user, char[] password) {
        Subject subject = new Subject();
        try {
            LoginContext login = new LoginContext(REALM, subject, callbacks -> answer(callbacks, user, password));
            login.login();
        } catch (LoginException e) {
            LOG.debug("Sign-in refused for '{}': {}", user, e.getMessage());
            return Optional.empty();
        }
        return Optional.of(new AuthenticatedUser(user, roles(subject.getPrincipals())));
    }

    static Set<Role> roles(Set<Principal> principals) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Principal principal : principals) {
            if (principal instanceof RolePrincipal) {
                Role.fromRealmName(principal.getName()).ifPresent(roles::add);
            }
        }
        return roles;
    }

    private static void answer(Callback[] callbacks, String user, char[] password)
            throws UnsupportedCallbackException {
        for (Callback callback : callbacks) {
            if (callback instanceof NameCallback name) {
                name.setName(user);
            } else if (callback instanceof PasswordCallback secret) {
                secret.setPassword(password);
            } else {
                throw new UnsupportedCallbackException(callback);
            }
        }
    }
}
