package org.switchboard.console.internal;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.TreeMap;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** One request to a servlet and the answer it recorded, without a servlet container. */
final class FakeExchange {

    final Map<String, String> requestHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    final Map<String, String> responseHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    final ByteArrayOutputStream body = new ByteArrayOutputStream();
    int status = HttpServletResponse.SC_OK;
    private final String method;
    private final String pathInfo;

    FakeExchange(String method, String pathInfo) {
        this.method = method;
        this.pathInfo = pathInfo;
    }

    FakeExchange header(String name, String value) {
        requestHeaders.put(name, value);
        return this;
    }

    String responseHeader(String name) {
        return responseHeaders.get(name);
    }

    // The servlet interfaces have dozens of methods; a proxy answers the few that serving a file uses and
    // fails loudly on any other, so a test never passes on a silent default.
    HttpServletRequest request() {
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getPathInfo" -> pathInfo;
                    case "getServletPath" -> "/console";
                    case "getRequestURI" -> "/console" + pathInfo;
                    case "getProtocol" -> "HTTP/1.1";
                    case "getHeader" -> requestHeaders.get((String) args[0]);
                    case "getDateHeader" -> -1L;
                    default -> throw new UnsupportedOperationException("request." + m.getName());
                });
    }

    HttpServletResponse response() {
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public void write(int b) {
                body.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException();
            }
        };
        return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "setHeader", "addHeader" -> responseHeaders.put((String) args[0], (String) args[1]);
                    case "setContentType" -> responseHeaders.put("Content-Type", (String) args[0]);
                    case "setContentLengthLong" -> responseHeaders.put("Content-Length", String.valueOf(args[0]));
                    case "setContentLength" -> responseHeaders.put("Content-Length", String.valueOf(args[0]));
                    case "setStatus", "sendError" -> status = (Integer) args[0];
                    case "containsHeader" -> responseHeaders.containsKey((String) args[0]);
                    case "getOutputStream" -> out;
                    default -> throw new UnsupportedOperationException("response." + m.getName());
                });
    }
}
