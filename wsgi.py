from foodca import create_app

app = create_app()
