package org.conventionledger.rules.sortition;

/** A draw that cannot be performed as planned; the message names the list at fault. */
public class InvalidDrawException extends IllegalArgumentException {

    public InvalidDrawException(String message) {
        super(message);
    }
}
