#pragma once
// Export profiles: the formats a production router reads (docs/routing-contract.md, "Export").

#include "config/config.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

namespace gw {

enum class ExportProfile { Native, KiloGateway, Vectors };
QString exportProfileName(ExportProfile p);
std::optional<ExportProfile> parseExportProfile(QStringView name);

struct ExportOptions {
    bool allowLossy = false;
    QDateTime now; // export time: expired rules are left out; vectors are computed at it. Invalid: now.
};

struct ExportResult {
    bool ok = false;
    QByteArray bytes;      // canonical JSON when ok
    QStringList losses;    // what the profile cannot express (kilo-gateway); refuses unless allowLossy
    QStringList lossRules; // per entry of losses: the id of the rule it is about, empty when none
    QStringList notes;     // what is carried elsewhere or left out on purpose; never refuses
    QString error;         // why it was refused
};

ExportResult exportConfig(const RoutingConfig &config, ExportProfile profile, const ExportOptions &options);

// Profile builders, exposed for the tests.
ExportResult exportKiloGateway(const RoutingConfig &config, const ExportOptions &options);
ExportResult exportVectors(const RoutingConfig &config, const ExportOptions &options);

// Re-decides every case of a vectors document with `config` and lists the disagreements
// ("case 12: gateway vercel, expected openrouter"). Empty: all agree.
QStringList verifyVectors(const RoutingConfig &config, const QJsonObject &vectors);

} // namespace gw
