"""Loading: the warehouse file, its tables, the load step and the SQL models."""
