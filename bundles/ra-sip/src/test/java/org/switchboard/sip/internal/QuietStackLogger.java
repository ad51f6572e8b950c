package org.switchboard.sip.internal;

import java.util.Properties;

import gov.nist.core.StackLogger;

/** A JAIN-SIP stack logger that logs nothing: the stack's default one needs log4j 1, which the tests do without. */
public class QuietStackLogger implements StackLogger {

    @Override
    public void logStackTrace() {
    }

    @Override
    public void logStackTrace(int level) {
    }

    @Override
    public int getLineCount() {
        return 0;
    }

    @Override
    public void logException(Throwable e) {
    }

    @Override
    public void logDebug(String message) {
    }

    @Override
    public void logDebug(String message, Exception e) {
    }

    @Override
    public void logTrace(String message) {
    }

    @Override
    public void logFatalError(String message) {
    }

    @Override
    public void logError(String message) {
    }

    @Override
    public boolean isLoggingEnabled() {
        return false;
    }

    @Override
    public boolean isLoggingEnabled(int level) {
        return false;
    }

    @Override
    public void logError(String message, Exception e) {
    }

    @Override
    public void logWarning(String message) {
    }

    @Override
    public void logInfo(String message) {
    }

    @Override
    public void disableLogging() {
    }

    @Override
    public void enableLogging() {
    }

    @Override
    public void setBuildTimeStamp(String stamp) {
    }

    @Override
    public void setStackProperties(Properties properties) {
    }

    @Override
    public String getLoggerName() {
        return "quiet";
    }
}
