"""/api/v1/weights"""
