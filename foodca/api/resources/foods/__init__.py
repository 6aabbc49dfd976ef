"""/api/v1/foods"""
