"""/api/v1/reviews"""
