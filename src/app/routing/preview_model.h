#pragma once
// Per-model result of the live preview: model, Vercel share, OpenRouter share, changed decisions.

#include "routing/simulation.h"

#include <QAbstractTableModel>

namespace gwapp {

class PreviewModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Model, VercelShare, OpenRouterShare, Changed, ColumnCount };
    explicit PreviewModel(QObject *parent = nullptr);

    void setResult(const gw::SimulationResult &result);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<gw::ModelShare> m_rows;
    bool m_hasBaseline = false;
};

} // namespace gwapp
