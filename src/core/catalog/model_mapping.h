#pragma once
// Proposes, for each OpenRouter model id, the Vercel model id that serves the same model, with
// the evidence and a confidence. Proposals only: the router never guesses ids, the operator
// confirms each one into the config's model table (docs/routing-contract.md).

#include "catalog/catalog.h"
#include "config/config.h"

#include <QJsonObject>

namespace gw {

enum class MappingMethod {
    ExactId,          // the same id on both gateways
    VariantSuffix,    // an OpenRouter-only variant (":free", ":nitro", ...) of an exact id
    KnownRename,      // a documented rename between the catalogs
    VendorPrefix,     // the vendor prefix differs (x-ai/ -> xai/, mistralai/ -> mistral/, ...)
    NormalizedId,     // the same after dropping dates, "-instruct", "-preview" and punctuation
    ReasoningVariant, // Vercel lists "<id>-reasoning" separately; OpenRouter's id reasons by default
    DisplayName,      // the same display name under the same vendor
    None              // no candidate: probably not on Vercel
};

QString mappingMethodName(MappingMethod m);

enum class ConfigMappingState { Unconfirmed, Confirmed, Overridden, NotOnVercel };
QString configMappingStateName(ConfigMappingState s);

struct MappingProposal {
    QString openrouterId;
    std::optional<QString> vercelId;
    MappingMethod method = MappingMethod::None;
    double confidence = 0; // 0..1
    QString evidence;      // one sentence an operator can check
    ConfigMappingState configState = ConfigMappingState::Unconfirmed;
    std::optional<QString> configVercelId; // what the config says, when it has an entry
};

// `config` may be null: then every proposal is unconfirmed.
QList<MappingProposal> proposeMappings(const Catalog &openrouter, const Catalog &vercel, const RoutingConfig *config);

QJsonObject mappingProposalToJson(const MappingProposal &p);

} // namespace gw
