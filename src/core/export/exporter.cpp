#include "export/exporter.h"

#include "config/config_io.h"

namespace gw {

QString exportProfileName(ExportProfile p)
{
    switch (p) {
    case ExportProfile::Native: return u"native"_qs;
    case ExportProfile::KiloGateway: return u"kilo-gateway"_qs;
    case ExportProfile::Vectors: return u"vectors"_qs;
    }
    return QString();
}

std::optional<ExportProfile> parseExportProfile(QStringView name)
{
    for (ExportProfile p : {ExportProfile::Native, ExportProfile::KiloGateway, ExportProfile::Vectors})
        if (name == exportProfileName(p))
            return p;
    return std::nullopt;
}

ExportResult exportConfig(const RoutingConfig &config, ExportProfile profile, const ExportOptions &options)
{
    switch (profile) {
    case ExportProfile::Native: {
        ExportResult r;
        r.ok = true;
        r.bytes = canonicalConfigBytes(config);
        return r;
    }
    case ExportProfile::KiloGateway: return exportKiloGateway(config, options);
    case ExportProfile::Vectors: return exportVectors(config, options);
    }
    return {};
}

} // namespace gw
