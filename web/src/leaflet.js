// Leaflet, with the marker-cluster plugin attached to it. Leaflet's own module sets the global L
// that the plugin extends; the imports run in this order.
import L from 'leaflet';
import 'leaflet.markercluster';

export default L;
