/** The map's key: practice colours, or the intensity/share ramp, and a note on illustrative boundaries. */
import { useT } from '../i18n/index.tsx';
import type { MapFeatureCollection } from './dashboard-map.tsx';
import { INTENSITY_STOPS, PRACTICE_COLOURS, practiceKey, SHARE_STOPS } from './map-colours.ts';

export function MapLegend({ mode, colourBy, data }: { mode: 'units' | 'plots'; colourBy: 'practice' | 'intensity' | 'share'; data: MapFeatureCollection | null }) {
  const t = useT();
  const illustrative = data?.features.find((f) => f.properties.illustrative === true);
  const points = mode === 'units' && data?.features.some((f) => f.geometry?.type === 'Point');
  return (
    <div className="map-legend" aria-label={t('dash.legend')} role="group">
      {colourBy === 'practice' ? (
        <ul className="map-legend__items">
          {Object.entries(PRACTICE_COLOURS).map(([practice, colour]) => (
            <li key={practice}>
              <span className="swatch" style={{ background: colour }} aria-hidden="true" />
              {t(practiceKey(practice))}
            </li>
          ))}
        </ul>
      ) : (
        <p className="map-legend__ramp">
          <span>{colourBy === 'intensity' ? t('dash.legendIntensity') : t('dash.legendShare')}</span>
          {(colourBy === 'intensity' ? INTENSITY_STOPS : SHARE_STOPS).map(([value, colour]) => (
            <span key={value} className="map-legend__stop">
              <span className="swatch" style={{ background: colour }} aria-hidden="true" />
              {colourBy === 'intensity' ? `${value}` : `${value} %`}
            </span>
          ))}
          <span className="map-legend__stop"><span className="swatch swatch--none" aria-hidden="true" />{t('dash.legendNoData')}</span>
        </p>
      )}
      {illustrative ? <p className="map-legend__note">{t('dash.illustrativeBoundary', { source: String(illustrative.properties.boundarySource ?? '') })}</p> : null}
      {points ? <p className="map-legend__note">{t('dash.pointsNote')}</p> : null}
    </div>
  );
}
