package org.armstrace.recovery;

/** How the weapon came into police hands: the SDG 16.4.2 categories. */
public enum RecoveryKind { SEIZED, FOUND, SURRENDERED }
