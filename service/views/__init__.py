"""The service's blueprints, one per resource."""
