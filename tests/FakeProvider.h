#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

#include <tuple>

// A small HTTP/1.1 server on 127.0.0.1 that answers like Anthropic's or OpenAI's API would, for the tests.
// It answers every request with the one configured response, or never answers (stall); a request a route names
// gets the route's answer either way.
class FakeProvider : public QObject
{
    Q_OBJECT

public:
    struct Request
    {
        QByteArray method;
        QByteArray path;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray header(const QByteArray& name) const
        {
            for (const auto& [key, value] : headers)
                if (key.compare(name, Qt::CaseInsensitive) == 0)
                    return value;
            return {};
        }
    };

    FakeProvider()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onData(socket); });
            }
        });
        m_server.listen(QHostAddress::LocalHost, 0);
    }

    QUrl baseUrl() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }

    void respond(int status, const QByteArray& body, const QList<QPair<QByteArray, QByteArray>>& headers = {})
    {
        m_stall = false;
        m_status = status;
        m_body = body;
        m_headers = headers;
    }
    void stall() { m_stall = true; }
    // Requests whose path contains `pathPart` get this answer instead (a later page of a list, say); the first
    // matching route wins.
    void route(const QByteArray& pathPart, int status, const QByteArray& body)
    {
        m_routes.append({pathPart, {status, body}});
    }
    void clearRoutes() { m_routes.clear(); }

    QList<Request> requests;

private:
    void onData(QTcpSocket* socket)
    {
        QByteArray& buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        Request r;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        const QList<QByteArray> first = lines.first().trimmed().split(' ');
        r.method = first.value(0);
        r.path = first.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                r.headers.append({lines[i].left(colon).trimmed(), lines[i].mid(colon + 1).trimmed()});
        }
        requests.append(r);
        buffer.clear();
        int status = m_status;
        QByteArray body = m_body;
        bool routed = false;
        for (const auto& [pathPart, answer] : m_routes)
            if (r.path.contains(pathPart)) {
                std::tie(status, body) = answer;
                routed = true;
                break;
            }
        if (m_stall && !routed)
            return;
        QByteArray answer = "HTTP/1.1 " + QByteArray::number(status) + " Status\r\nContent-Type: application/json\r\n";
        for (const auto& [key, value] : m_headers)
            answer += key + ": " + value + "\r\n";
        answer += "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
        socket->write(answer);
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QHash<QTcpSocket*, QByteArray> m_buffers;
    bool m_stall = false;
    int m_status = 200;
    QByteArray m_body;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    QList<QPair<QByteArray, std::pair<int, QByteArray>>> m_routes;
};
