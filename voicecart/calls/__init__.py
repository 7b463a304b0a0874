"""Call capture: live recording of realtime sessions and reading them back."""
