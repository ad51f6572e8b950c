package org.switchboard.console.internal;

import java.io.IOException;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Sends the bare console path to the console's start page. ("" asks for the site root too, but the REST
 * whiteboard's servlet answers the root before this one, so the console's address is /console.)
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("switchboard-console-redirect")
@HttpWhiteboardServletPattern({"", "/console", "/console/"})
public class ConsoleRedirect extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String START_PAGE = "/console/index.html";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(START_PAGE);
    }
}
