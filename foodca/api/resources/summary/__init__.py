"""/api/v1/summary"""
