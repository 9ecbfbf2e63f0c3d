"""Model providers: the contract, the registry and the built-in backends."""
