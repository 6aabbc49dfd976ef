"""/api/v1/meals"""
