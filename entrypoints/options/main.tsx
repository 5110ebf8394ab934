import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { OptionsApp } from './app';
// One stylesheet for the popup and the options page: same colours, focus ring and field styles.
import '../../components/shared/extension-page.css';
import './style.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <OptionsApp />
  </StrictMode>,
);
