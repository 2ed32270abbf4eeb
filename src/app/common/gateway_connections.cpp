#include "common/gateway_connections.h"
#include "common/number_format.h"
#include "config/per_gateway.h"

#include "common/key_store.h"

#include "gateway_client.h"
#include "gateway_simulator.h"

#include <QCoreApplication>
#include <QSettings>

namespace gw::app {

namespace {

QString accountOf(gw::Gateway gateway)
{
    return gw::gatewayName(gateway);
}

gw::net::Attribution attributionFromSettings(const QSettings &s)
{
    gw::net::Attribution a;
    a.referer = s.value(QStringLiteral("attribution/referer")).toString();
    a.title = s.value(QStringLiteral("attribution/title"), QStringLiteral("Gateway Console")).toString();
    const QString orTitle = s.value(QStringLiteral("attribution/openrouterTitle")).toString();
    if (!orTitle.isEmpty())
        a.title = orTitle;
    for (const QString &c : s.value(QStringLiteral("attribution/openrouterCategories"))
                                .toString()
                                .split(QLatin1Char(','), Qt::SkipEmptyParts))
        a.categories << c.trimmed();
    return a;
}

} // namespace

GatewayConnections::GatewayConnections(KeyStore *keys, QObject *parent) : QObject(parent)
{
    setKeyStore(keys);
}

void GatewayConnections::setKeyStore(KeyStore *keys)
{
    if (m_keys)
        disconnect(m_keys, nullptr, this, nullptr);
    m_keys = keys;
    if (m_keys) {
        connect(m_keys, &KeyStore::readFinished, this, &GatewayConnections::onKeyRead);
        // A key saved in the settings reaches the clients once the keychain has it.
        connect(m_keys, &KeyStore::writeFinished, this, &GatewayConnections::reload);
    }
}

GatewayConnections::~GatewayConnections()
{
    for (Slot &slot : m_slots)
        slot.client.reset(); // before the simulator they may still talk to
}

gw::net::GatewayClient *GatewayConnections::client(gw::Gateway gateway) const
{
    return m_slots[gateway].client.get();
}

void GatewayConnections::reload()
{
    m_checks.start();
    const QSettings s;
    const gw::net::Attribution attribution = attributionFromSettings(s);
    bool anyLocal = false;
    for (gw::Gateway gateway : {gw::Gateway::OpenRouter, gw::Gateway::Vercel}) {
        Slot &slot = m_slots[gateway];
        const QString prefix = QStringLiteral("gateways/") + accountOf(gateway);
        slot.client.reset();
        slot.local = s.value(prefix + QStringLiteral("/local"), false).toBool();
        slot.keyKnown = false;
        slot.settings = {};
        slot.settings.attribution = attribution;
        const QString url = s.value(prefix + QStringLiteral("/baseUrl")).toString().trimmed();
        slot.settings.baseUrl = url.isEmpty() ? gw::net::defaultBaseUrl(gateway) : QUrl(url);
        slot.state = State::Unknown;
        slot.detail.clear();
        anyLocal = anyLocal || slot.local;
    }
    if (anyLocal && !m_simulator) {
        m_simulator = std::make_unique<gw::sim::GatewaySimulator>();
        if (!m_simulator->start(0))
            m_simulator.reset();
    } else if (!anyLocal) {
        m_simulator.reset();
    }
    for (gw::Gateway gateway : {gw::Gateway::OpenRouter, gw::Gateway::Vercel}) {
        Slot &slot = m_slots[gateway];
        if (slot.local) {
            if (!m_simulator) {
                slot.state = State::Failed;
                slot.detail = tr("the local simulator could not start");
                continue;
            }
            slot.settings.baseUrl = m_simulator->baseUrl(gateway);
            keyKnown(gateway, gw::sim::GatewaySimulator::defaultKey(gateway));
        } else if (m_keys && m_keys->isAvailable()) {
            m_keys->read(accountOf(gateway)); // answers in onKeyRead
        } else {
            keyKnown(gateway, KeyStore::environmentKey(accountOf(gateway)));
        }
    }
    Q_EMIT stateChanged();
}

void GatewayConnections::onKeyRead(const QString &account, const QString &secret, const QString &)
{
    for (gw::Gateway gateway : {gw::Gateway::OpenRouter, gw::Gateway::Vercel}) {
        if (account != accountOf(gateway) || m_slots[gateway].local || m_slots[gateway].keyKnown)
            continue;
        keyKnown(gateway, secret.isEmpty() ? KeyStore::environmentKey(account) : secret);
    }
}

void GatewayConnections::keyKnown(gw::Gateway gateway, const QString &key)
{
    Slot &slot = m_slots[gateway];
    slot.keyKnown = true;
    slot.settings.apiKey = key;
    slot.client = gw::net::makeGatewayClient(gateway, slot.settings);
    Q_EMIT clientsChanged();
    check(gateway);
}

void GatewayConnections::checkAll()
{
    for (gw::Gateway gateway : {gw::Gateway::OpenRouter, gw::Gateway::Vercel})
        if (m_slots[gateway].keyKnown)
            check(gateway);
}

void GatewayConnections::check(gw::Gateway gateway)
{
    Slot &slot = m_slots[gateway];
    if (slot.settings.apiKey.isEmpty()) {
        slot.state = State::NoKey;
        slot.detail.clear();
        Q_EMIT stateChanged();
        return;
    }
    slot.state = State::Checking;
    Q_EMIT stateChanged();
    // The balance endpoint needs a valid key and is cheap: it proves address and key at once.
    gw::net::BalanceReply *reply = slot.client->balance();
    const LatestJob<gw::net::Balance>::Ticket ticket = m_checks.latest();
    connect(reply, &gw::net::GatewayReply::finished, this, [this, reply, gateway, ticket] {
        reply->deleteLater();
        if (!m_checks.isLatest(ticket))
            return;
        Slot &slot = m_slots[gateway];
        const gw::GatewayError &error = reply->error();
        slot.balance.reset();
        if (error.cls == gw::ErrorClass::None)
            slot.balance = reply->balance();
        switch (error.cls) {
        case gw::ErrorClass::None:
            slot.state = State::Connected;
            slot.detail = reply->balance().remainingUsd ? tr("%1 left").arg(formatUsd(*reply->balance().remainingUsd))
                                                        : QString();
            break;
        case gw::ErrorClass::Auth:
            slot.state = State::AuthFailed;
            slot.detail = error.message;
            break;
        case gw::ErrorClass::Network:
        case gw::ErrorClass::Timeout:
            slot.state = State::Unreachable;
            slot.detail = error.message;
            break;
        default:
            slot.state = State::Failed;
            slot.detail = error.message;
            break;
        }
        Q_EMIT stateChanged();
    });
}

QString connectionStateName(GatewayConnections::State state)
{
    switch (state) {
    case GatewayConnections::State::Unknown: return GatewayConnections::tr("not checked");
    case GatewayConnections::State::NoKey: return GatewayConnections::tr("no key");
    case GatewayConnections::State::Checking: return GatewayConnections::tr("checking…");
    case GatewayConnections::State::Connected: return GatewayConnections::tr("connected");
    case GatewayConnections::State::AuthFailed: return GatewayConnections::tr("key rejected");
    case GatewayConnections::State::Unreachable: return GatewayConnections::tr("unreachable");
    case GatewayConnections::State::Failed: return GatewayConnections::tr("error");
    }
    return QString();
}

QString GatewayConnections::stateText(gw::Gateway gateway) const
{
    const Slot &slot = m_slots[gateway];
    QString text = gw::gatewayDisplayName(gateway) + QStringLiteral(": ") + connectionStateName(slot.state);
    if (slot.local)
        text += QLatin1Char(' ') + tr("(local simulator)");
    return text;
}

QString GatewayConnections::summaryText() const
{
    return stateText(gw::Gateway::OpenRouter) + QStringLiteral(" · ") + stateText(gw::Gateway::Vercel);
}

} // namespace gw::app

namespace gw::app {

QString GatewayConnections::toolTipText() const
{
    QStringList lines;
    for (gw::Gateway gateway : {gw::Gateway::OpenRouter, gw::Gateway::Vercel}) {
        const Slot &slot = m_slots[gateway];
        QString line = gw::gatewayDisplayName(gateway) + QStringLiteral(": ") + slot.settings.baseUrl.toDisplayString();
        if (!slot.settings.apiKey.isEmpty())
            line += QStringLiteral(", ") + tr("key %1").arg(gw::net::maskKey(slot.settings.apiKey));
        if (!slot.detail.isEmpty())
            line += QStringLiteral(" – ") + gw::net::redactKey(slot.detail, slot.settings.apiKey);
        lines << line;
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace gw::app
