package org.conventionledger.query.oversight;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** How far the integrity chain reaches: the last chained position, its hash, and how many links. */
@Document("chain_head")
record ChainHead(@Id String id, long position, String hash, long length) {

    static final String ID = "head";

    static ChainHead genesis() {
        return new ChainHead(ID, -1, org.conventionledger.events.integrity.ChainLink.GENESIS, 0);
    }
}
