"""Running cnvh on a city's server: settings from the environment, serving, the task
worker, the health check, backups."""
