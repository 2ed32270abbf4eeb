#pragma once
// Per-model result of the live preview: model, Vercel share, OpenRouter share, synthetic keys
// changing gateway and, with recorded traffic, the requests and users that would move.

#include "routing/simulation.h"
#include "traffic/traffic_impact.h"

#include <QAbstractTableModel>
#include <QHash>

namespace gw::app {

class PreviewModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Model, VercelShare, OpenRouterShare, Changed, RequestsMoving, UsersMoving, ColumnCount };
    explicit PreviewModel(QObject *parent = nullptr);

    void setResult(const gw::SimulationResult &result);
    void setTrafficImpact(const gw::TrafficImpact &impact); // empty: no recorded traffic
    bool hasTrafficImpact() const { return m_hasImpact; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<gw::ModelShare> m_rows;
    QHash<QString, gw::ModelTrafficImpact> m_impact;
    bool m_hasBaseline = false;
    bool m_hasImpact = false;
};

} // namespace gw::app
