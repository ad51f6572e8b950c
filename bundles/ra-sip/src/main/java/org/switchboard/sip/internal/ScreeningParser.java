package org.switchboard.sip.internal;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import gov.nist.javax.sip.header.CSeq;
import gov.nist.javax.sip.header.CallID;
import gov.nist.javax.sip.header.ContentLength;
import gov.nist.javax.sip.header.From;
import gov.nist.javax.sip.header.RequestLine;
import gov.nist.javax.sip.header.To;
import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.parser.StringMsgParser;

/**
 * JAIN-SIP's message parser, made to let requests it would drop unanswered through to {@link FaultAnswering} with
 * their {@link RequestFault}: the stack silently drops a request missing From, To, Call-ID or CSeq, and its parser
 * reads any version as SIP/2.0. Such a request gets stand-ins for the missing headers, so that the stack can route
 * the refusal like any response, and its fault as application data. What still cannot be read is thrown with a
 * human message, which the stack copies into the reason of its own 400 over UDP.
 */
final class ScreeningParser implements MessageParser {

    /** Headers a request cannot be answered or framed without, by JAIN-SIP's class for them. */
    private static final Map<Class<?>, String> ESSENTIAL = Map.of(From.class, "From", To.class, "To",
            CallID.class, "Call-ID", CSeq.class, "CSeq", Via.class, "Via", ContentLength.class, "Content-Length");

    private final StringMsgParser parser = new StringMsgParser();

    @Override
    public SIPMessage parseSIPMessage(byte[] bytes, boolean readBody, boolean strict, ParseExceptionListener channel)
            throws ParseException {
        String firstLine = firstLine(bytes);
        if (firstLine == null || firstLine.startsWith("SIP/")) {
            return parser.parseSIPMessage(bytes, readBody, strict, channel); // keep-alives and responses as ever
        }
        Unreadable unreadable = new Unreadable();
        SIPMessage message;
        try {
            message = parser.parseSIPMessage(bytes, readBody, strict, unreadable);
        } catch (ParseException e) {
            throw new ParseException(ReasonPhrases.human(e.getMessage(), "Malformed request"), e.getErrorOffset());
        }
        if (!(message instanceof SIPRequest request)) {
            return message;
        }
        if (request.getViaHeaders() == null || request.getViaHeaders().isEmpty()) {
            // Nothing says where an answer would go, nor lets the sender match it to its request.
            throw new ParseException("Missing Via header", 0);
        }
        RequestFault fault = RequestFault.of(version(firstLine), unreadable.first, missingHeaders(request));
        if (fault != null) {
            request.setApplicationData(fault);
        }
        return request;
    }

    /** The missing headers' names, each replaced with a stand-in the refusal will carry instead. */
    private static List<String> missingHeaders(SIPRequest request) {
        List<String> missing = new ArrayList<>();
        if (request.getFrom() == null) {
            missing.add("From");
            request.setHeader(standIn("From: <sip:missing@missing.invalid>;tag=missing"));
        }
        if (request.getTo() == null) {
            missing.add("To");
            request.setHeader(standIn("To: <sip:missing@missing.invalid>"));
        }
        if (request.getCallId() == null) {
            missing.add("Call-ID");
            request.setHeader(new CallID("missing"));
        }
        if (request.getCSeq() == null) {
            missing.add("CSeq");
            // The sender matches a response to its request by Via branch and CSeq method (RFC 3261 §17.1.3).
            request.setHeader(new CSeq(1, request.getMethod()));
        }
        return missing;
    }

    private static javax.sip.header.Header standIn(String header) {
        try {
            return StringMsgParser.parseSIPHeader(header);
        } catch (ParseException e) {
            throw new IllegalStateException(header, e);
        }
    }

    /** The first line of a message without the control characters before it, or null when it has none. */
    static String firstLine(byte[] bytes) {
        int start = 0;
        while (start < bytes.length && (bytes[start] & 0xff) < 0x20) {
            start++;
        }
        int end = start;
        while (end < bytes.length && bytes[end] != '\r' && bytes[end] != '\n') {
            end++;
        }
        return start == end ? null : new String(bytes, start, end - start, StandardCharsets.UTF_8).trim();
    }

    /** The SIP-Version of a request line, as written (JAIN-SIP's parser reports SIP/2.0 whatever it says). */
    static String version(String requestLine) {
        String[] parts = requestLine.split("\\s+");
        return parts[parts.length - 1];
    }

    /**
     * Notes the first essential header that cannot be read and leaves it out; keeps others unread, as the stack
     * does, since a request can be served without them. A request line that cannot be read ends the parse.
     */
    private static final class Unreadable implements ParseExceptionListener {

        private String first;

        @Override
        @SuppressWarnings("rawtypes")
        public void handleException(ParseException e, SIPMessage message, Class headerClass, String header,
                String text) throws ParseException {
            if (headerClass == RequestLine.class) {
                throw new ParseException("Bad request line", e.getErrorOffset());
            }
            String name = headerClass == null ? null : ESSENTIAL.get(headerClass);
            if (name == null) {
                message.addUnparsed(header);
            } else if (first == null) {
                first = name;
            }
        }
    }
}
