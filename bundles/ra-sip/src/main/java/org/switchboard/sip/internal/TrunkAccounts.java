package org.switchboard.sip.internal;

import java.util.List;

import javax.sip.ClientTransaction;
import javax.sip.address.SipURI;

import gov.nist.javax.sip.clientauthutils.AccountManager;
import gov.nist.javax.sip.clientauthutils.UserCredentials;

/** The trunks' credentials, for JAIN-SIP to answer a trunk's digest challenge to a call we place. */
final class TrunkAccounts implements AccountManager {

    private final List<Trunk> trunks;

    TrunkAccounts(List<Trunk> trunks) {
        this.trunks = trunks;
    }

    @Override
    public UserCredentials getCredentials(ClientTransaction challenged, String realm) {
        String host = challenged.getRequest().getRequestURI() instanceof SipURI uri ? uri.getHost() : null;
        for (Trunk trunk : trunks) {
            if (trunk.host().equalsIgnoreCase(host) && !trunk.username().isEmpty()) {
                return new UserCredentials() {
                    @Override
                    public String getUserName() {
                        return trunk.username();
                    }

                    @Override
                    public String getPassword() {
                        return trunk.password();
                    }

                    @Override
                    public String getSipDomain() {
                        return realm;
                    }
                };
            }
        }
        return null;
    }
}
