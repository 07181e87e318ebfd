// What other features may use of home; everything else in this folder is private to it.
export { HomeModule } from './home.module';
