package org.conventionledger.events;

/** The three transitions a convention works on; each one is also an assembly of members. */
public enum Transition {
    ECOLOGICAL,
    SOCIAL,
    DEMOCRATIC
}
