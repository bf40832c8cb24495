"""Editorial roles, the moderation workflow and the admin's editorial dashboard."""
