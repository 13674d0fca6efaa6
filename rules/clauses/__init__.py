"""The rules, one module each, named by the clause of the kind they test: each a small
pure function of a decision's data and the facts. The decision's data file quotes the
sentences each encodes and maps its beslutspunkter to them."""
