"""文件 → 连接团队资料库: a team library on the office's PostgreSQL server.

The reviewer fills in the server, database and account (or pastes an address); the password is typed
here and kept in memory for this run, or saved to the pgpass file (readable by this account only)
when asked; it is never written to ReviewDesk's settings. The login is tried in the background
before the window switches libraries; a failure is shown here, in Chinese, and nothing changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, quote, urlencode, urlsplit

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from desktop.ui.tasks import TaskRunner


def compose_url(host: str, port: int, database: str, user: str) -> str:
    """A libpq-style address; a folder as the server means a local unix socket."""
    who = f"{quote(user, safe='')}@" if user else ""
    if host.startswith("/"):
        query = urlencode({"host": host, "port": str(port)})
        return f"postgresql://{who}/{quote(database, safe='')}?{query}"
    server = f"{host or 'localhost'}:{port}" if port != 5432 else (host or "localhost")
    return f"postgresql://{who}{server}/{quote(database, safe='')}"


def parse_url(url: str) -> dict[str, Any]:
    """The fields of an address, as far as it has them (its other options stay in the address)."""
    parts = urlsplit(url.strip())
    query = dict(parse_qsl(parts.query))
    host = parts.hostname or query.get("host", "")
    try:
        port = parts.port or int(query.get("port", 5432))
    except ValueError:
        port = 5432
    return {"host": host, "port": port, "database": parts.path.lstrip("/"), "user": parts.username or ""}


class ConnectionDialog(QDialog):
    def __init__(
        self, runner: TaskRunner, location: str = "", message: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("connectionDialog")
        self.setWindowTitle(QCoreApplication.translate("ConnectionDialog", "连接团队资料库"))
        self.runner = runner
        self.location = ""
        """The address to open (without the password) once the login worked."""
        self._updating = False
        self.host = QLineEdit(self)
        self.host.setObjectName("serverHost")
        self.host.setPlaceholderText(
            QCoreApplication.translate("ConnectionDialog", "例如 192.168.1.20 或 db.sfj.local")
        )
        self.port = QSpinBox(self)
        self.port.setObjectName("serverPort")
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database = QLineEdit("reviewdesk", self)
        self.database.setObjectName("databaseName")
        self.user = QLineEdit(self)
        self.user.setObjectName("userName")
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(
            QCoreApplication.translate("ConnectionDialog", "已保存在 pgpass 文件中时可不填")
        )
        self.save_password = QCheckBox(
            QCoreApplication.translate("ConnectionDialog", "把密码保存到本机 pgpass 文件（仅本账户可读）"),
            self,
        )
        self.save_password.setObjectName("savePassword")
        self.address = QLineEdit(self)
        self.address.setObjectName("libraryAddress")
        self.status = QLabel(message, self)
        self.status.setObjectName("connectionStatus")
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color:#b3261e")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            QCoreApplication.translate("ConnectionDialog", "连接")
        )
        self.buttons.accepted.connect(self.try_connect)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("ConnectionDialog", "服务器"), self.host)
        form.addRow(QCoreApplication.translate("ConnectionDialog", "端口"), self.port)
        form.addRow(QCoreApplication.translate("ConnectionDialog", "数据库"), self.database)
        form.addRow(QCoreApplication.translate("ConnectionDialog", "用户名"), self.user)
        form.addRow(QCoreApplication.translate("ConnectionDialog", "密码"), self.password)
        form.addRow("", self.save_password)
        form.addRow(QCoreApplication.translate("ConnectionDialog", "连接地址"), self.address)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                QCoreApplication.translate(
                    "ConnectionDialog",
                    "团队资料库保存在本单位的 PostgreSQL 服务器上，多位审阅人可同时使用。账号由组长（资料库管理员）分配。",
                ),
                self,
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        for edit in (self.host, self.database, self.user):
            edit.textChanged.connect(self._fields_changed)
        self.port.valueChanged.connect(self._fields_changed)
        self.address.textEdited.connect(self._address_changed)
        if location:
            self.address.setText(location)
            self._address_changed(location)
        else:
            self._fields_changed()
        self.resize(560, self.sizeHint().height())

    def _fields_changed(self) -> None:
        if not self._updating:
            url = compose_url(
                self.host.text().strip(),
                self.port.value(),
                self.database.text().strip(),
                self.user.text().strip(),
            )
            self.address.setText(url)

    def _address_changed(self, url: str) -> None:
        fields = parse_url(url)
        self._updating = True
        self.host.setText(fields["host"])
        self.port.setValue(fields["port"])
        self.database.setText(fields["database"])
        self.user.setText(fields["user"])
        self._updating = False

    def try_connect(self) -> None:
        from db.paths import is_server_location

        location = self.address.text().strip()
        if not is_server_location(location) or not parse_url(location)["database"]:
            self.status.setText(
                QCoreApplication.translate(
                    "ConnectionDialog", "请填写服务器和数据库，或输入 postgresql:// 开头的地址。"
                )
            )
            return
        password = self.password.text()
        save = self.save_password.isChecked() and bool(password)
        self.buttons.setEnabled(False)
        self.status.setStyleSheet("color:#555")
        self.status.setText(QCoreApplication.translate("ConnectionDialog", "正在连接…"))

        def work(_context: object) -> str | None:
            from db.postgres import probe, remember_password, save_to_pgpass

            if password:
                remember_password(location, password)
            error = probe(location)
            if error is None and save:
                save_to_pgpass(location, password)
            return None if error is None else str(error)

        self.runner.run(work, lambda error: self._tried(location, error), self._failed)

    def _tried(self, location: str, error: str | None) -> None:
        self.buttons.setEnabled(True)
        if error:
            self.status.setStyleSheet("color:#b3261e")
            self.status.setText(error)
            return
        from db.paths import without_password

        self.location = without_password(location)
        self.accept()

    def _failed(self, error: BaseException, _trace: str) -> None:
        self._tried("", str(error))
