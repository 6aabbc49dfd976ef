"""Sign-up (anonymous, then optionally email + password), login, logout."""
from __future__ import annotations

from flask import g
from flask.views import MethodView

from foodca import accounts
from foodca.api import public
from foodca.api.blueprint import Blueprint
from foodca.api.context import current_user, db
from foodca.api.resources.auth.schemas import AnonymousSignUpSchema, CredentialsSchema, TokenSchema

blp = Blueprint("auth", __name__, url_prefix="/api/v1/auth", description="Accounts and tokens")


@blp.route("/anonymous")
class AnonymousViews(MethodView):
    @public
    @blp.doc(security=[])
    @blp.arguments(AnonymousSignUpSchema)
    @blp.response(201, TokenSchema)
    def post(self, args):
        """Create an anonymous account (the app's first launch) and return its token."""
        session = db()
        user = accounts.create_anonymous_user(session=session, device_id=args["device_id"])
        token = accounts.issue_token(session=session, user=user)
        session.commit()
        return {"token": token, "user_id": user.id}


@blp.route("/register")
class RegisterViews(MethodView):
    @blp.arguments(CredentialsSchema)
    @blp.response(204)
    @blp.alt_response(409, response="CONFLICT")
    def post(self, args):
        """Add an email and password to the signed-in account, so it can log in on another device.

        409 when the email belongs to another account.
        """
        session = db()
        accounts.set_credentials(session=session, user=current_user(), email=args["email"], password=args["password"])
        session.commit()


@blp.route("/login")
class LoginViews(MethodView):
    @public
    @blp.doc(security=[])
    @blp.arguments(CredentialsSchema)
    @blp.response(200, TokenSchema)
    @blp.alt_response(401, response="UNAUTHORIZED")
    def post(self, args):
        """Log in with email and password; returns a new token."""
        session = db()
        user = accounts.login(session=session, email=args["email"], password=args["password"])
        token = accounts.issue_token(session=session, user=user)
        session.commit()
        return {"token": token, "user_id": user.id}


@blp.route("/logout")
class LogoutViews(MethodView):
    @blp.response(204)
    def post(self):
        """Revoke the token this request was made with."""
        session = db()
        accounts.revoke_token(session=session, token=g.token)
        session.commit()
