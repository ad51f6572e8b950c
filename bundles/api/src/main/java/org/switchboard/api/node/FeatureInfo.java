package org.switchboard.api.node;

/** An installed Switchboard feature, as the node's status shows it. */
public record FeatureInfo(String name, String version, String state) {
}
