package org.switchboard.sip.internal;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/** Trunks and phone accounts activated as Declarative Services would, from configuration values. */
final class Trunks {

    private Trunks() {
    }

    /** A trunk configured with {@code values} (attribute name to value), the rest at their defaults. */
    static Trunk trunk(Object... values) {
        Trunk trunk = new Trunk();
        trunk.activate(config(TrunkConfig.class, values));
        return trunk;
    }

    static PhoneAccount phone(String extension, String password) {
        PhoneAccount phone = new PhoneAccount();
        phone.activate(config(PhoneAccountConfig.class, "extension", extension, "password", password));
        return phone;
    }

    private static <T> T config(Class<T> type, Object... values) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < values.length; i += 2) {
            map.put((String) values[i], values[i + 1]);
        }
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    if (map.containsKey(method.getName())) {
                        return map.get(method.getName());
                    }
                    if (method.getDefaultValue() != null) {
                        return method.getDefaultValue();
                    }
                    if (method.getName().equals("annotationType")) {
                        return type;
                    }
                    throw new IllegalStateException(method.getName() + " has no value and no default");
                }));
    }
}
