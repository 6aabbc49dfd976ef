"""/api/v1/auth"""
