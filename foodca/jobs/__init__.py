"""Scheduled work and the scheduler process (`foodca scheduler`), never started inside web workers."""
