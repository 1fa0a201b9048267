import '@vaadin/vertical-layout/src/vaadin-vertical-layout.js';
import '@vaadin/app-layout/src/vaadin-app-layout.js';
import '@vaadin/button/src/vaadin-button.js';
import '@vaadin/tooltip/src/vaadin-tooltip.js';
import 'Frontend/generated/jar-resources/disableOnClickFunctions.js';
import '@vaadin/icons/vaadin-iconset.js';
import '@vaadin/icon/src/vaadin-icon.js';
import '@vaadin/popover/src/vaadin-popover.js';
import 'Frontend/generated/jar-resources/vaadin-popover/popover.ts';
import '@vaadin/horizontal-layout/src/vaadin-horizontal-layout.js';
import '@vaadin/text-area/src/vaadin-text-area.js';
import '@vaadin/notification/src/vaadin-notification.js';
import 'Frontend/generated/jar-resources/flow-component-renderer.js';
import 'Frontend/generated/jar-resources/flow-component-directive.js';
import '@vaadin/confirm-dialog/src/vaadin-confirm-dialog.js';
import '@vaadin/select/src/vaadin-select.js';
import 'Frontend/generated/jar-resources/selectConnector.js';
import 'Frontend/generated/jar-resources/lit-renderer.ts';
import '@vaadin/tabs/src/vaadin-tab.js';
import '@vaadin/tabs/src/vaadin-tabs.js';
import '@vaadin/common-frontend/ConnectionIndicator.js';
import 'Frontend/generated/jar-resources/ReactRouterOutletElement.tsx';

const loadOnDemand = (key) => {
  const pending = [];
  if (key === '9d6dc3ffd3376b3bf7c0af2e99ed70e3b03cffc1d52a85593532c2c4726581b5') {
    pending.push(import('./chunks/chunk-b67777d2302273c168523f413676d2c50326cd51d1c2827895d1e65723d7f8f4.js'));
  }
  if (key === '661b84e0d216bdafb3e203bc2c6e30fb019a270a38fe07b157d3944b51237206') {
    pending.push(import('./chunks/chunk-2fc641680440d60b41b0fec5d300cc535bacc266188d5e170680cdfef78382c6.js'));
  }
  if (key === 'bed3b706b6338313368678ae17fe256f35d75e973f8463ee1a4db06e8cb2683d') {
    pending.push(import('./chunks/chunk-b67777d2302273c168523f413676d2c50326cd51d1c2827895d1e65723d7f8f4.js'));
  }
  if (key === '388b72a2e2b3685e094502a889a65abeb2db4787587a9a8538b3aa4350b3ed9c') {
    pending.push(import('./chunks/chunk-a69caeec5b54eab33b10298bed1a83bde0b6681fe0bd3d0465b22075f24bae3f.js'));
  }
  if (key === 'd85d2c171ba2735024fbde5d41a056c594aaf74610990a08ed17cc9845c2f997') {
    pending.push(import('./chunks/chunk-b67777d2302273c168523f413676d2c50326cd51d1c2827895d1e65723d7f8f4.js'));
  }
  return Promise.all(pending);
}

window.Vaadin = window.Vaadin || {};
window.Vaadin.Flow = window.Vaadin.Flow || {};
window.Vaadin.Flow.loadOnDemand = loadOnDemand;
window.Vaadin.Flow.resetFocus = () => {
 let ae=document.activeElement;
 while(ae&&ae.shadowRoot) ae = ae.shadowRoot.activeElement;
 return !ae || ae.blur() || ae.focus() || true;
}